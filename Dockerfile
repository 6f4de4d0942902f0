# Production image: the built SPA and the Python service in one container.
FROM node:20-bookworm-slim AS spa
WORKDIR /app/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY frontend/ ./
COPY schema.graphql /app/schema.graphql
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    APP_ENV=production HOST=0.0.0.0 PORT=8000 FRONTEND_DIST=/app/frontend/dist
WORKDIR /app
COPY pyproject.toml constraints.txt alembic.ini ./
COPY backend/ backend/
RUN pip install --no-cache-dir -c constraints.txt . && useradd --system --uid 10001 app
COPY --from=spa /app/frontend/dist /app/frontend/dist
USER app
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["python", "-m", "backend", "serve"]
