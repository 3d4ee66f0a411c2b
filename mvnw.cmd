@REM Maven launcher for DisputeFlow on Windows, the twin of mvnw.
@REM Runs the Maven found in MAVEN_HOME or on the PATH (3.6.3 or newer), so the build uses the Maven
@REM repository already configured for this machine and the project names no download host.
@echo off
setlocal
set "MVN="
if defined MAVEN_HOME if exist "%MAVEN_HOME%\bin\mvn.cmd" set "MVN=%MAVEN_HOME%\bin\mvn.cmd"
if not defined MVN (
  for %%i in (mvn.cmd) do set "MVN=%%~$PATH:i"
)
if not defined MVN (
  echo mvnw: Maven 3.6.3 or newer is needed: install it or set MAVEN_HOME. 1>&2
  exit /b 1
)
cd /d "%~dp0"
"%MVN%" %*
exit /b %ERRORLEVEL%
