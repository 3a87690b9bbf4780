using Spectre.Console;

namespace TalksBot.Bench;

/// <summary>One bar per phase of the bench on a terminal; nothing when no one watches (redirected output, tests).</summary>
internal sealed class BenchProgress(ProgressContext? context)
{
    public static BenchProgress None { get; } = new(null);

    public Phase Start(string description, double total) => new(context?.AddTask(description, maxValue: Math.Max(total, 1)));

    internal sealed class Phase(ProgressTask? task)
    {
        public void Advance(double by) => task?.Increment(by);

        public void Report(double done, double total)
        {
            if (task is null)
                return;
            task.MaxValue = Math.Max(total, 1);
            task.Value = done;
        }

        public void Done()
        {
            if (task is not null)
                task.Value = task.MaxValue;
        }
    }
}
