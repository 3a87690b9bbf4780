using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TalksBot.Testing.Qdrant;
using Xunit;

namespace TalksBot.Testing.Postgres;

/// <summary>
/// A real, throw-away PostgreSQL server: initdb into a temporary folder, started with pg_ctl on a free loopback port
/// (<see cref="LoopbackPorts.Free"/>) with its unix socket in that folder and trust authentication, stopped and deleted
/// at the end. Use it as an xunit v3 assembly fixture (<c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c>) and
/// give each test class or test a database of its own with <see cref="CreateDatabaseAsync"/>. A missing PostgreSQL fails
/// every test that uses it with a message saying to run scripts/install-postgres.sh; it never skips.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string User = "talksbot";

    // Generous: parallel builds share two cores with the test run.
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromSeconds(120);

    private string? _folder;
    private string? _binDirectory;
    private bool _started;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _binDirectory = PostgresInstallation.FindBinDirectory() ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed (no initdb, pg_ctl and postgres from pg_config --bindir or under /usr/lib/postgresql/*/bin). " +
            $"Run {PostgresInstallation.InstallScript} from the repository root; the PostgreSQL tests run against the real server and are never skipped.");
        _folder = Directory.CreateTempSubdirectory("talksbot-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        Port = LoopbackPorts.Free(1)[0];

        // initdb and postgres refuse to run as root: as root (CI, this machine), run them as the postgres account the
        // Debian package creates, owning the temporary folder.
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", _folder]);
        }

        await RunServerProgramAsync("initdb", ["-D", data, "-U", User, "--auth=trust", "--encoding=UTF8", "--no-sync", "--no-instructions",
            // ICU English collation, as production databases commonly have, so a test catches SQL that assumes SQLite's byte order.
            "--locale-provider=icu", "--icu-locale=en-US", "--locale=C.UTF-8"]);
        await RunServerProgramAsync("pg_ctl", [
            "start", "-D", data, "-w", "-t", "120", "-l", Path.Combine(_folder, "server.log"),
            "-o", string.Create(CultureInfo.InvariantCulture,
                $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
        ]);
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            // immediate: the databases are thrown away, nothing needs a clean shutdown checkpoint.
            await RunServerProgramAsync("pg_ctl", ["stop", "-D", Path.Combine(_folder!, "data"), "-m", "immediate", "-w"]);
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A connection string to the server's maintenance database, for creating databases or inspecting them.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        // Generous: the machine is shared with parallel builds.
        Timeout = 60,
        CommandTimeout = 120,
    }.ConnectionString;

    /// <summary>Creates an empty database no other test uses; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // A database name cannot be a parameter; this one is our own prefix and hex digits.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return ConnectionString(name);
    }

    private Task RunServerProgramAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory!, program);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProgramTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {ProgramTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }
}
