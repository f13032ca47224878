# The gateway's image for the external profile (docker-compose.yml; README "External profile").
#   docker build -t bill-payment-gateway .
# Stage 1 builds the jar without the embedded PostgreSQL's binaries (Maven profile external-image) and splits it into
# Spring Boot's layers; stage 2 is a JRE, the layers (dependencies change least, so they come first and stay cached)
# and the configuration, run by a user without privileges.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The dependencies first, in a layer of their own: a change to the sources does not download them again.
COPY pom.xml .
RUN mvn -B -ntp -q -Pexternal-image dependency:go-offline
COPY src src
COPY routes routes
COPY config config
COPY lombok.config .
# config/jvm.options with a share of the container's memory for the heap instead of a fixed one: the heap follows the
# container's limit (docker-compose.yml gives 640 MB: a 224 MB heap, the rest for the JIT, threads and buffers).
RUN mvn -B -ntp -q -Pexternal-image -DskipTests package \
    && java -Djarmode=tools -jar target/bill-payment-gateway.jar extract --layers --launcher --destination /extracted \
    && sed -e 's/^-Xmx.*$/-XX:MaxRAMPercentage=35.0/' config/jvm.options > /extracted/jvm.options \
    && grep -q '^-XX:MaxRAMPercentage=' /extracted/jvm.options

FROM eclipse-temurin:17-jre
# curl for the healthcheck
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin gateway \
    && mkdir -p /app/data && chown gateway /app/data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --from=build /extracted/jvm.options /app/config/jvm.options
COPY config/issuers /app/config/issuers
USER gateway
ENV GATEWAY_PROFILE=external \
    GATEWAY_DATA_DIR=/app/data \
    GATEWAY_ISSUERS_DIR=/app/config/issuers \
    SERVER_PORT=8080
VOLUME /app/data
EXPOSE 8080
# Liveness: the process answers. Readiness (database, broker, Camel) is for the load balancer (config/haproxy.cfg):
# an engine that is down takes the instance out of rotation, it does not get the container restarted.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
# exec form: java is PID 1 and gets the SIGTERM of `docker stop`, and Spring's graceful shutdown runs
ENTRYPOINT ["java", "@/app/config/jvm.options", "org.springframework.boot.loader.launch.JarLauncher"]
