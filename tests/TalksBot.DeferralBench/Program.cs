using TalksBot.DeferralBench;

// Measures how fast a real `talksbot run` process defers /ask interactions that arrive all at once, against the fake
// Discord and a throw-away managed Qdrant. Lives in the test tree because the product must not carry the fake Discord.
if (!BenchOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync(error + Environment.NewLine + BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
return await DeferralBenchRun.RunAsync(options, Console.Out, stop.Token);
