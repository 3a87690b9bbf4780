namespace TalksBot.Discord.Events;

/// <summary>Slow work (answering, recording feedback) handed from the event workers to the answer workers.</summary>
internal sealed record WorkItem(string Name, Func<CancellationToken, Task> RunAsync);
