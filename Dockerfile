# The gateway image for the external profile (docker-compose.yml). Build the jar first: mvn -DskipTests package
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app gateway && mkdir -p /app/data && chown gateway /app/data
WORKDIR /app
COPY target/bill-payment-gateway-0.1.0-SNAPSHOT.jar /app/gateway.jar
COPY config /app/config
USER gateway
ENV GATEWAY_PROFILE=external GATEWAY_DATA_DIR=/app/data GATEWAY_ISSUERS_DIR=/app/config/issuers
EXPOSE 8080
ENTRYPOINT ["java", "@/app/config/jvm.options", "-jar", "/app/gateway.jar"]
