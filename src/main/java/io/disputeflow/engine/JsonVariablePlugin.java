package io.disputeflow.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.springframework.stereotype.Component;

/**
 * JSON process variables without Camunda's Spin: the value type {@code json} and its serializer
 * ({@link JsonVariable}). Spin's JSON data format has no Operaton build to be had, and our variables need
 * none of Spin's JSON API (a list of departments, a form's checklist), so both engines store them through
 * this plugin, in the layout Spin used (docs/platform.md, "JSON variables").
 */
@Component
public class JsonVariablePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    VariableSerializers serializers = configuration.getVariableSerializers();
    // before Java serialization, as Spin placed its own: a Jackson tree is Serializable too
    serializers.addSerializer(new JsonVariableSerializer(),
        serializers.getSerializerIndexByName(JavaObjectSerializer.NAME));
    configuration.getValueTypeResolver().addType(JsonVariableType.JSON);
  }
}
