package io.disputeflow.figures;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link FigureFolder#scheduled()}; tests fold by hand as well. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FigureSchedule {}
