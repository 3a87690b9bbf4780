namespace TalksBot.WebArticles.Tests;

/// <summary>A fresh article folder per test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("talksbot-webarticles-").FullName;

    public string Write(string fileName, string text)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
