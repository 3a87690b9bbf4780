using System.Diagnostics;

namespace TalksBot.Testing.Postgres;

/// <summary>Where the PostgreSQL server programs are: <c>pg_config --bindir</c>, else Debian's /usr/lib/postgresql/N/bin.</summary>
public static class PostgresInstallation
{
    public const string InstallScript = "scripts/install-postgres.sh";

    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    /// <summary>The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinDirectory()
    {
        // Debian puts only client programs on PATH; the server's live under /usr/lib/postgresql/<major>/bin.
        var candidates = new List<string>();
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            candidates.Add(fromPgConfig);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => Programs.All(p => File.Exists(Path.Combine(d, p))));
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed (it comes with libpq-dev, not with the server)
        }
    }
}
