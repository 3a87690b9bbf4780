using System.Diagnostics;
using TalksBot.Testing;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>Runs the built <c>talksbot</c> CLI as a separate process, the way a user does, against the shared real Qdrant.</summary>
internal sealed class CliRun
{
    private readonly Dictionary<string, string> _environment;
    private string? _input;

    public CliRun(QdrantFixture qdrant)
    {
        var state = Directory.CreateTempSubdirectory("talksbot-cli-").FullName;
        StateDirectory = state;
        // A unique alias and prefix per test keeps tests apart on the one shared server.
        var name = QdrantFixture.UniqueName("cli");
        _environment = new()
        {
            ["Qdrant__Url"] = qdrant.BaseAddress.ToString(),
            ["Qdrant__GrpcUrl"] = qdrant.GrpcAddress.ToString(),
            ["Qdrant__Alias"] = name,
            ["Qdrant__CollectionPrefix"] = name,
            ["Articles__Path"] = Path.Combine(QdrantInstallation.RepositoryRoot, "data", "articles"),
            ["Analytics__DatabasePath"] = Path.Combine(state, "analytics.db"),
            // Each run gets its own refresh lock and status file, so parallel tests never see each other's refresh.
            ["Refresh__LockPath"] = Path.Combine(state, "refresh.lock"),
            ["Refresh__StatusPath"] = Path.Combine(state, "refresh-status.json"),
            // The product's own embedder: the answer ranker's weights were fitted with MiniLM's sentence vectors, and these
            // runs check what a user is answered.
            ["DOTNET_NOLOGO"] = "1",
        };
    }

    public string StateDirectory { get; }

    public string Alias => _environment["Qdrant__Alias"];

    public string CollectionPrefix => _environment["Qdrant__CollectionPrefix"];

    /// <summary>Points the run at a fresh copy of the seed articles, which the test may change; returns the folder.</summary>
    public string UseArticleCopy()
    {
        var folder = Directory.CreateTempSubdirectory("talksbot-articles-").FullName;
        foreach (var seed in Directory.GetFiles(Path.Combine(QdrantInstallation.RepositoryRoot, "data", "articles")))
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        _environment["Articles__Path"] = folder;
        return folder;
    }

    /// <summary>What the run reads on standard input (e.g. the lines typed into <c>chat</c>); nothing by default.</summary>
    public CliRun WithInput(string text)
    {
        _input = text;
        return this;
    }

    public CliRun With(string key, string value)
    {
        _environment[key] = value;
        return this;
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(stopWhen: null, args);

    /// <summary>Runs a verb until <paramref name="killWhen"/> holds, then kills it with SIGKILL: no shutdown path runs, as when the machine dies.</summary>
    public Task<CliResult> RunUntilKilledAsync(Func<Task<bool>> killWhen, params string[] args) => RunAsync(killWhen, "KILL", args);

    /// <summary>
    /// Runs a long-lived verb (<c>run</c>) until <paramref name="stopWhen"/> holds, then stops it with SIGTERM as a
    /// supervisor would, so its shutdown path runs too.
    /// </summary>
    public Task<CliResult> RunAsync(Func<Task<bool>>? stopWhen, params string[] args) => RunAsync(stopWhen, "TERM", args);

    private async Task<CliResult> RunAsync(Func<Task<bool>>? stopWhen, string signal, string[] args)
    {
        var start = TalksBotProcess.StartInfo(args, _environment);
        start.RedirectStandardInput = true;

        using var process = Process.Start(start)!;
        if (_input is not null)
            await process.StandardInput.WriteAsync(_input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            while (stopWhen is not null && !process.HasExited && !await stopWhen())
                await Task.Delay(200, timeout.Token);
            if (stopWhen is not null && !process.HasExited)
                Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
