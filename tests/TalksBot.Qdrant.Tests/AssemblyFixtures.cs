using TalksBot.Testing.Qdrant;

// One real Qdrant for the whole assembly; each test isolates itself with unique collection and alias names.
[assembly: AssemblyFixture(typeof(QdrantFixture))]
