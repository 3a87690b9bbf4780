using TalksBot.Embeddings.Tests;

[assembly: AssemblyFixture(typeof(MiniLmFixture))]
