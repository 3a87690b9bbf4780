using System.CommandLine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Evaluation;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary>
/// <c>talksbot fit</c>: fits the sentence ranker's weights and the abstention threshold on the train part of one or
/// more suites, each over its own article set, through the same retrieval as <c>ask</c>, and writes them with a record
/// of how they were fitted. Held-out parts are never read.
/// </summary>
internal static class FitCommand
{
    // Each suite's own index, so fitting never touches the served one; kept between runs so a second fit reuses it.
    private const string FitAliasPrefix = "talksbot_fit";

    public static Command Create(Option<string[]> config)
    {
        var suites = new Option<string[]>("--suite") { Description = "A Q&A suite (JSONL) to fit on; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = false };
        var articles = new Option<string[]>("--articles") { Description = "The folder of articles each suite was written for, in the same order.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the weights.", DefaultValueFactory = _ => RankerModel.DefaultPath };
        var maxFalseAbstentions = new Option<double>("--max-answerable-abstained")
        {
            Description = "The most answerable training questions the threshold may abstain on, as a share (0–1); within it the threshold gets the most training questions right.", DefaultValueFactory = _ => 0.05,
        };
        var command = new Command("fit", "Fit the answer ranker and abstention threshold on the train part of suites (never their held-out part).")
        {
            suites, articles, output, maxFalseAbstentions,
        };
        command.SetAction(async (parse, ct) =>
        {
            var suitePaths = parse.GetRequiredValue(suites);
            var folders = parse.GetRequiredValue(articles).Select(Path.GetFullPath).ToArray();
            if (suitePaths.Length != folders.Length)
            {
                CliHost.WriteError($"Give one --articles folder per --suite: {suitePaths.Length} suites, {folders.Length} folders.");
                return ExitCodes.Configuration;
            }

            var parts = new List<QaSuite>();
            foreach (var (path, folder) in suitePaths.Zip(folders))
            {
                if (!Directory.Exists(folder))
                {
                    CliHost.WriteError($"The articles folder '{folder}' does not exist.");
                    return ExitCodes.Configuration;
                }

                try
                {
                    parts.Add(HeldOutSplit.Select(await QaSuiteReader.ReadFileAsync(path, ct), SuitePart.Train));
                }
                catch (Exception ex) when (ex is QaSuiteException or IOException)
                {
                    CliHost.WriteError(ex.Message);
                    return ExitCodes.Configuration;
                }
            }

            // The application starts with weights it can load; before the first fit there are none to load.
            var bootstrap = Path.Combine(Path.GetTempPath(), $"talksbot-unfitted-{Environment.ProcessId}.json");
            await RankerModel.Unfitted().SaveAsync(bootstrap, ct);
            try
            {
                var examples = new List<RankerFitter.Example>();
                var embedderName = "";
                for (var i = 0; i < parts.Count; i++)
                {
                    var alias = i == 0 ? FitAliasPrefix : $"{FitAliasPrefix}{i + 1}";
                    string[] overrides =
                    [
                        $"Articles:Path={folders[i]}", $"Qdrant:Alias={alias}", $"Qdrant:CollectionPrefix={alias}", $"Answering:WeightsPath={bootstrap}",
                    ];
                    var qa = parts[i];
                    var status = await CliHost.RunAsync(parse, config, async (services, token) =>
                    {
                        await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, token);
                        examples.AddRange(await CollectAsync(qa, services, token));
                        var embedder = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();
                        embedderName = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? embedder.GetType().Name;
                        return ExitCodes.Success;
                    }, ct, overrides: overrides);
                    if (status != ExitCodes.Success)
                        return status;
                }

                var maxAbstained = parse.GetValue(maxFalseAbstentions);
                var model = RankerFitter.Fit(examples, maxAbstained, (questions, abstention, unanswerable, answerableAbstained, unanswerableAbstained) =>
                    new FitRecord(string.Join(", ", suitePaths.Select(Path.GetFileName)), string.Join(", ", folders.Select(Path.GetFileName)),
                        "train (HeldOutSplit: held-out groups and every item sharing a gold answer with them left out)",
                        DateTimeOffset.UtcNow, embedderName, questions, abstention,
                        "listwise softmax cross-entropy over each question's candidate sentences, L2 1e-3, Adam; abstention: logistic regression, answerable vs not",
                        $"the cut that gets the most training questions right, abstaining on at most {maxAbstained:P0} of answerable training questions ({unanswerable} unanswerable in training)",
                        answerableAbstained, unanswerableAbstained));
                var ranker = new SentenceRanker(model);
                var ranked = examples.Where(e => e.Answerable && e.Gold.Any(g => g)).ToList();
                double TopOne(Func<RankerFitter.Example, RankedSentence> pick) =>
                    ranked.Count(e => e.Gold[e.Candidates.IndexOf(pick(e))]) / (double)Math.Max(1, ranked.Count);
                CliConsole.Out.MarkupLine(Markup.Escape(
                    $"Training questions with the answer among the candidates: best sentence holds it for {TopOne(e => ranker.Rank([.. e.Candidates])[0]):P1} " +
                    $"(most question words alone: {TopOne(e => e.Candidates.MaxBy(c => c.Features[0])!):P1}; best meaning alone: {TopOne(e => e.Candidates.MaxBy(c => c.Features[3])!):P1})."));
                var path = parse.GetRequiredValue(output);
                await model.SaveAsync(path, ct);
                CliConsole.Out.MarkupLine(Markup.Escape(
                    $"Fitted on {model.Fitted.Questions} questions ({model.Fitted.AbstentionQuestions} for abstention); threshold {model.AnswerThreshold:F3} " +
                    $"abstains on {model.Fitted.TrainAnswerableAbstained:P1} of answerable and {model.Fitted.TrainUnanswerableAbstained:P1} of unanswerable training questions. Wrote {Path.GetFullPath(path)}"));
                return ExitCodes.Success;
            }
            finally
            {
                File.Delete(bootstrap);
            }
        });
        return command;
    }

    private static async Task<List<RankerFitter.Example>> CollectAsync(QaSuite qa, IServiceProvider services, CancellationToken cancellationToken)
    {
        var ask = services.Get<IAskService>();
        var answerer = services.GetRequiredService<RankedSentenceAnswerer>();
        var embedder = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();
        var examples = new List<RankerFitter.Example>(qa.Items.Count);
        await CliConsole.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Reading candidates for {qa.Items.Count} questions of {qa.Name}", maxValue: qa.Items.Count);
                foreach (var item in qa.Items)
                {
                    // The same retrieval as an ask; the candidates are then read without the (unfitted) ranker.
                    var result = await ask.AskAsync(new AskRequest(item.Question), cancellationToken);
                    var vector = await embedder.GenerateVectorAsync(item.Question, cancellationToken: cancellationToken);
                    var (question, candidates) = answerer.Candidates(new AnswerRequest(item.Question, result.Retrieved, [], vector));
                    var gold = candidates.Select(c => item.Answerable
                        && (item.Sources.Count == 0 || item.Sources.Contains(c.ArticleId, StringComparer.OrdinalIgnoreCase))
                        && item.Answers.Any(a => c.Text.Contains(a, StringComparison.OrdinalIgnoreCase))).ToArray();
                    examples.Add(new RankerFitter.Example(question, candidates, item.Answerable, gold));
                    task.Increment(1);
                }
            });
        return examples;
    }
}
