using Spectre.Console;

namespace TalksBot.Indexing;

/// <summary>A Spectre progress bar fed by refresh status reports; the services themselves print nothing.</summary>
internal static class RefreshProgressBar
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<RefreshStatus>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Refreshing the index", maxValue: 1);
                result = await work(new SynchronousProgress<RefreshStatus>(s =>
                {
                    task.Description = s.PassagesTotal > 0 ? $"{s.Phase} {s.PassagesTotal} passages" : s.Phase;
                    task.MaxValue = Math.Max(s.PassagesTotal, 1);
                    task.Value = s.Finished ? task.MaxValue : s.PassagesDone;
                }));
            });
        return result;
    }
}
