using TalksBot.Testing.Qdrant;

[assembly: AssemblyFixture(typeof(QdrantFixture))]
