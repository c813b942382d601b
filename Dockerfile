# LNEMIS: one image, started as web, worker or a command (migrate, users create-admin, ...).
# Build: docker build -t lnemis:latest .
FROM node:20-bookworm-slim AS web
WORKDIR /src/src/web
COPY src/web/package.json src/web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/web/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Lnemis.slnx .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Lnemis.Server/Lnemis.Server.csproj -c Release -o /app -p:SkipWebBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=web /src/src/web/dist ./wwwroot-app
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Lnemis__Web__Root=/app/wwwroot-app \
    Lnemis__DataDirectory=/var/lib/lnemis \
    DOTNET_gcServer=1
RUN mkdir -p /var/lib/lnemis && chown app:app /var/lib/lnemis
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/bin/sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\r\n\r\n' >&3 && grep -q '200 OK' <&3"]
ENTRYPOINT ["dotnet", "Lnemis.Server.dll"]
CMD ["--role", "web"]
