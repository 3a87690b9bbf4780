using TalksBot.Testing.Postgres;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
