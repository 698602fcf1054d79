# One image recipe for both services of the distributed deployment; MODULE picks which.
#
# Build context is the repository root:
#   docker build --build-arg MODULE=command-service --build-arg PORT=8081 -t carmarket/command-service .
#   docker build --build-arg MODULE=query-service   --build-arg PORT=8082 -t carmarket/query-service .
# (docker-compose.yml passes the same build args.)
# Works with the classic builder and with BuildKit; needs no BuildKit-only syntax.

# ---- Stage 1: build only this module and the modules it depends on --------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /workspace
# The whole repository (minus what .dockerignore excludes): Maven reads every module's pom.xml
# named in the parent, even those it does not build.
COPY . .
RUN test -n "$MODULE" \
 && mvn -B -q -pl "$MODULE" -am package -DskipTests \
 && cp "$MODULE"/target/"$MODULE"-*-exec.jar /workspace/app.jar

# ---- Stage 2: runtime ---------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG PORT

# A dedicated unprivileged user; numeric so that "run as non-root" checks can verify it.
RUN groupadd --system --gid 10001 carmarket \
 && useradd --system --uid 10001 --gid carmarket --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin carmarket

WORKDIR /app
# Owned by root and read-only for the service user: the process cannot rewrite its own code.
COPY --from=build /workspace/app.jar /app/app.jar

# Profile "distributed" reads from the environment:
#   AXONSERVER_SERVERS   default axonserver:8124
#   MONGODB_URI          (query-service) default mongodb://mongo:27017/carmarket
ENV SPRING_PROFILES_ACTIVE=distributed
EXPOSE ${PORT}
USER 10001:10001

# Heap: 384 MB, which keeps a service's resident memory under 768 MB under the booking load (docs/benchmarks.md,
# "Memory"); without a bound the JVM takes a quarter of the host's RAM and commits far more than it uses. The
# `java` launcher reads JDK_JAVA_OPTIONS by itself: override it to size the heap otherwise (`-e JDK_JAVA_OPTIONS=...`).
ENV JDK_JAVA_OPTIONS="-Xmx384m"

# The JVM is PID 1 (exec form), so it receives SIGTERM and Spring Boot shuts down gracefully.
# On OutOfMemoryError the process exits so that the orchestrator restarts it instead of leaving a half-broken JVM
# running.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
