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
/// <c>talksbot fit</c>: fits the sentence ranker's weights and the abstention threshold on the train part of a suite,
/// through the same retrieval as <c>ask</c>, and writes them with a record of how they were fitted.
/// </summary>
internal static class FitCommand
{
    // The fit's own index, so fitting never touches the served one; kept between runs so a second fit reuses it.
    private const string FitAlias = "talksbot_fit";

    public static Command Create(Option<string[]> config)
    {
        var suite = new Option<string>("--suite") { Description = "The Q&A suite (JSONL) to fit on.", Required = true };
        var articles = new Option<string>("--articles") { Description = "The folder of articles the suite was written for.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the weights.", DefaultValueFactory = _ => RankerModel.DefaultPath };
        var maxFalseAbstentions = new Option<double>("--max-answerable-abstained")
        {
            Description = "The share of answerable training questions the threshold may abstain on (0–1).", DefaultValueFactory = _ => 0.04,
        };
        var command = new Command("fit", "Fit the answer ranker and abstention threshold on the train part of a suite (never its held-out part).")
        {
            suite, articles, output, maxFalseAbstentions,
        };
        command.SetAction(async (parse, ct) =>
        {
            QaSuite qa;
            try
            {
                qa = HeldOutSplit.Select(await QaSuiteReader.ReadFileAsync(parse.GetRequiredValue(suite), ct), SuitePart.Train);
            }
            catch (Exception ex) when (ex is QaSuiteException or IOException)
            {
                CliHost.WriteError(ex.Message);
                return ExitCodes.Configuration;
            }

            var folder = Path.GetFullPath(parse.GetRequiredValue(articles));
            if (!Directory.Exists(folder))
            {
                CliHost.WriteError($"The articles folder '{folder}' does not exist.");
                return ExitCodes.Configuration;
            }

            // The application starts with weights it can load; before the first fit there are none to load.
            var bootstrap = Path.Combine(Path.GetTempPath(), $"talksbot-unfitted-{Environment.ProcessId}.json");
            await RankerModel.Unfitted().SaveAsync(bootstrap, ct);
            try
            {
                string[] overrides =
                [
                    $"Articles:Path={folder}", $"Qdrant:Alias={FitAlias}", $"Qdrant:CollectionPrefix={FitAlias}", $"Answering:WeightsPath={bootstrap}",
                ];
                return await CliHost.RunAsync(parse, config, async (services, token) =>
                {
                    await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, token);
                    var examples = await CollectAsync(qa, services, token);
                    var embedder = services.Get<IEmbeddingGenerator<string, Embedding<float>>>();
                    var model = RankerFitter.Fit(examples, parse.GetValue(maxFalseAbstentions), (questions, abstention, unanswerable, answerableAbstained, unanswerableAbstained) =>
                        new FitRecord(Path.GetFileName(parse.GetRequiredValue(suite)), Path.GetFileName(folder), "train (HeldOutSplit)",
                            DateTimeOffset.UtcNow, embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? embedder.GetType().Name,
                            questions, abstention,
                            "listwise softmax cross-entropy over each question's candidate sentences, L2 1e-3, Adam; abstention: logistic regression, answerable vs not",
                            $"the highest cut abstaining on at most {parse.GetValue(maxFalseAbstentions):P0} of answerable training questions ({unanswerable} unanswerable in training)",
                            answerableAbstained, unanswerableAbstained));
                    var ranker = new SentenceRanker(model);
                    var ranked = examples.Where(e => e.Answerable && e.Gold.Any(g => g)).ToList();
                    double TopOne(Func<RankerFitter.Example, RankedSentence> pick) =>
                        ranked.Count(e => e.Gold[e.Candidates.IndexOf(pick(e))]) / (double)Math.Max(1, ranked.Count);
                    CliConsole.Out.MarkupLine(Markup.Escape(
                        $"Training questions with the answer among the candidates: best sentence holds it for {TopOne(e => ranker.Rank([.. e.Candidates])[0]):P1} " +
                        $"(most question words alone: {TopOne(e => e.Candidates.MaxBy(c => c.Features[0])!):P1}; best meaning alone: {TopOne(e => e.Candidates.MaxBy(c => c.Features[3])!):P1})."));
                    var path = parse.GetRequiredValue(output);
                    await model.SaveAsync(path, token);
                    CliConsole.Out.MarkupLine(Markup.Escape(
                        $"Fitted on {model.Fitted.Questions} questions ({model.Fitted.AbstentionQuestions} for abstention); threshold {model.AnswerThreshold:F3} " +
                        $"abstains on {model.Fitted.TrainAnswerableAbstained:P1} of answerable and {model.Fitted.TrainUnanswerableAbstained:P1} of unanswerable training questions. Wrote {Path.GetFullPath(path)}"));
                    return ExitCodes.Success;
                }, ct, overrides: overrides);
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
                var task = ctx.AddTask($"Reading candidates for {qa.Items.Count} questions", maxValue: qa.Items.Count);
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
