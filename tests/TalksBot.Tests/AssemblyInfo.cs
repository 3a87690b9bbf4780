using TalksBot.Testing.Qdrant;

[assembly: AssemblyFixture(typeof(QdrantFixture))]
[assembly: AssemblyFixture(typeof(TalksBot.Testing.Postgres.PostgresFixture))]
