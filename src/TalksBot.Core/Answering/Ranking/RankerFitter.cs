namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// Fits the sentence ranker and the abstention model on labelled questions. Hand-written: two convex objectives over a
/// few thousand rows take milliseconds with plain gradient descent, where ML.NET's trainers would bring a large
/// dependency and no listwise objective for this shape.
/// </summary>
internal static class RankerFitter
{
    private const int Iterations = 600;
    private const double LearningRate = 0.05;
    private const double L2 = 1e-3;

    /// <summary>One training question: its candidates, whether the articles answer it, and which candidates hold a gold answer.</summary>
    public sealed record Example(QuestionContext Question, List<RankedSentence> Candidates, bool Answerable, bool[] Gold);

    /// <summary>
    /// Fits the ranker with a listwise objective (softmax over each question's candidates, maximising the probability
    /// given to the sentences that hold the answer), then the abstention model (logistic: is the question answerable?),
    /// then picks the threshold: the highest confidence cut at which at most <paramref name="maxAnswerableAbstained"/> of
    /// the answerable training questions would be abstained on.
    /// </summary>
    public static RankerModel Fit(IReadOnlyList<Example> examples, double maxAnswerableAbstained, Func<int, int, int, double, double, FitRecord> record)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ranking = examples.Where(e => e.Answerable && e.Gold.Any(g => g) && e.Candidates.Count > 1).ToList();
        if (ranking.Count == 0)
            throw new InvalidOperationException("No training question has its answer among the candidates; nothing to fit the ranker on.");

        var rows = ranking.SelectMany(e => e.Candidates.Select(c => c.Features)).ToList();
        var (means, scales) = Standardise(rows, SentenceFeatures.Names.Count);
        var weights = FitListwise(ranking, means, scales);

        var provisional = new RankerModel(RankerModel.CurrentVersion, SentenceFeatures.Names, means, scales, weights,
            AbstentionFeatures.Names, new double[AbstentionFeatures.Names.Count], Ones(AbstentionFeatures.Names.Count),
            new double[AbstentionFeatures.Names.Count], 0, 0, null!);
        var ranker = new SentenceRanker(provisional);
        var abstention = examples.Where(e => e.Candidates.Count > 0)
            .Select(e =>
            {
                var ranked = ranker.Rank(e.Candidates);
                var top = e.Candidates.IndexOf(ranked[0]);
                return (Features: AbstentionFeatures.Of(e.Question, ranked), e.Answerable, TopRight: e.Answerable && e.Gold[top]);
            })
            .ToList();
        var (aMeans, aScales) = Standardise([.. abstention.Select(a => a.Features)], AbstentionFeatures.Names.Count);
        var (aWeights, bias) = FitLogistic([.. abstention.Select(a => (a.Features, a.Answerable))], aMeans, aScales);

        var confidences = abstention
            .Select(a => new Decision(SentenceRanker.Sigmoid(SentenceRanker.Linear(a.Features, aMeans, aScales, aWeights, bias)), a.Answerable, a.TopRight))
            .ToList();
        var threshold = Threshold(confidences, maxAnswerableAbstained);
        var answerableAbstained = Share(confidences.Where(c => c.Answerable), c => c.Confidence < threshold);
        var unanswerableAbstained = Share(confidences.Where(c => !c.Answerable), c => c.Confidence < threshold);
        return provisional with
        {
            AbstainMeans = aMeans,
            AbstainScales = aScales,
            AbstainWeights = aWeights,
            AbstainBias = bias,
            AnswerThreshold = threshold,
            Fitted = record(ranking.Count, abstention.Count, confidences.Count(c => !c.Answerable), answerableAbstained, unanswerableAbstained),
        };
    }

    private static double[] FitListwise(List<Example> examples, double[] means, double[] scales)
    {
        var dims = means.Length;
        var standardised = examples
            .Select(e => (X: e.Candidates.Select(c => Standardised(c.Features, means, scales)).ToArray(), e.Gold))
            .ToList();
        var w = new double[dims];
        var adam = new Adam(dims);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var gradient = new double[dims];
            foreach (var (x, gold) in standardised)
            {
                var scores = x.Select(row => Dot(w, row)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
                var all = exp.Sum();
                var positive = exp.Where((_, i) => gold[i]).Sum();
                // d(-log(P_gold))/dw = Σ p_i x_i − Σ_gold (exp_i / positive) x_i
                for (var i = 0; i < x.Length; i++)
                {
                    var coefficient = (exp[i] / all) - (gold[i] ? exp[i] / positive : 0);
                    for (var d = 0; d < dims; d++)
                        gradient[d] += coefficient * x[i][d];
                }
            }

            for (var d = 0; d < dims; d++)
                gradient[d] = (gradient[d] / standardised.Count) + (L2 * w[d]);
            adam.Step(w, gradient);
        }

        return w;
    }

    private static (double[] Weights, double Bias) FitLogistic(List<(double[] Features, bool Answerable)> rows, double[] means, double[] scales)
    {
        var dims = means.Length;
        var x = rows.Select(r => Standardised(r.Features, means, scales)).ToArray();
        // The parameters with the bias last, so one optimiser steps them all.
        var theta = new double[dims + 1];
        var adam = new Adam(dims + 1);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var gradient = new double[dims + 1];
            for (var i = 0; i < x.Length; i++)
            {
                var p = SentenceRanker.Sigmoid(Dot(theta, x[i]) + theta[dims]);
                var error = p - (rows[i].Answerable ? 1 : 0);
                for (var d = 0; d < dims; d++)
                    gradient[d] += error * x[i][d];
                gradient[dims] += error;
            }

            for (var d = 0; d <= dims; d++)
                gradient[d] = (gradient[d] / x.Length) + (d < dims ? L2 * theta[d] : 0);
            adam.Step(theta, gradient);
        }

        return (theta[..dims], theta[dims]);
    }

    /// <summary>One training question as the abstention threshold sees it.</summary>
    /// <param name="TopRight">The ranker's best sentence holds the answer: answering it is right.</param>
    internal sealed record Decision(double Confidence, bool Answerable, bool TopRight);

    /// <summary>
    /// The cut that gets the most training questions right, counting an answer right when the best sentence holds it and
    /// an abstention right when the articles do not answer: abstaining costs an answerable question only when the bot
    /// would have answered it right. It abstains on at most <paramref name="maxAbstained"/> of the answerable questions,
    /// and of equally good cuts the lowest wins, so the bot abstains no more than the training questions justify.
    /// </summary>
    internal static double Threshold(IReadOnlyList<Decision> decisions, double maxAbstained)
    {
        if (decisions.Count == 0)
            return 0;
        var allowed = (int)Math.Floor(maxAbstained * decisions.Count(d => d.Answerable));
        // Candidate cuts: abstain on nothing, or below each confidence seen.
        var cuts = decisions.Select(d => d.Confidence).Distinct().Order().ToList();
        var best = (Threshold: cuts[0], Right: int.MinValue);
        foreach (var cut in cuts)
        {
            if (decisions.Count(d => d.Answerable && d.Confidence < cut) > allowed)
                break;
            var right = decisions.Count(d => d.Confidence >= cut ? d.TopRight : !d.Answerable);
            if (right > best.Right)
                best = (cut, right);
        }

        return best.Threshold;
    }

    private static (double[] Means, double[] Scales) Standardise(List<double[]> rows, int dims)
    {
        var means = new double[dims];
        var scales = new double[dims];
        for (var d = 0; d < dims; d++)
        {
            means[d] = rows.Count == 0 ? 0 : rows.Average(r => r[d]);
            var variance = rows.Count == 0 ? 0 : rows.Average(r => (r[d] - means[d]) * (r[d] - means[d]));
            // A feature that never varies in training gets scale 1: its weight then stays at 0 under L2.
            scales[d] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        return (means, scales);
    }

    private static double[] Standardised(double[] x, double[] means, double[] scales) =>
        [.. x.Select((v, d) => (v - means[d]) / scales[d])];

    private static double Dot(double[] w, double[] x)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
            sum += w[d] * x[d];
        return sum;
    }

    private static double Share<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items.ToList();
        return list.Count == 0 ? 0 : list.Count(predicate) / (double)list.Count;
    }

    private static double[] Ones(int n) => [.. Enumerable.Repeat(1.0, n)];

    /// <summary>Adam: per-parameter step sizes, so features on different scales converge together.</summary>
    private sealed class Adam(int dims)
    {
        private readonly double[] _m = new double[dims];
        private readonly double[] _v = new double[dims];
        private int _t;

        public void Step(double[] parameters, double[] gradient)
        {
            _t++;
            for (var d = 0; d < parameters.Length; d++)
            {
                _m[d] = (0.9 * _m[d]) + (0.1 * gradient[d]);
                _v[d] = (0.999 * _v[d]) + (0.001 * gradient[d] * gradient[d]);
                var mHat = _m[d] / (1 - Math.Pow(0.9, _t));
                var vHat = _v[d] / (1 - Math.Pow(0.999, _t));
                parameters[d] -= LearningRate * mHat / (Math.Sqrt(vHat) + 1e-8);
            }
        }
    }
}
