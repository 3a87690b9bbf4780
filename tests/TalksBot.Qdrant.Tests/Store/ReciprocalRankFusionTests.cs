using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Tests.Store;

public sealed class ReciprocalRankFusionTests
{
    private static readonly Guid A = new("00000000-0000-4000-8000-00000000000a");
    private static readonly Guid B = new("00000000-0000-4000-8000-00000000000b");
    private static readonly Guid C = new("00000000-0000-4000-8000-00000000000c");

    [Fact]
    public void ScoresArePositionsAsQdrantScoresThem()
    {
        // Qdrant 1.16.3 fuses a single list to 1/2, 1/3, 1/4: the first place adds 1/(2 + 0).
        var fused = ReciprocalRankFusion.Fuse([[(A, 9.0), (B, 5.0), (C, 1.0)]], limit: 3);

        Assert.Equal([(A, 1.0 / 2), (B, 1.0 / 3), (C, 1.0 / 4)], fused);
    }

    [Fact]
    public void TiedScoresInAListAreSettledByIdWhateverOrderTheyArriveIn()
    {
        // B and C tie on BM25 (overlapping passages do); Qdrant returns them in either order from one restart to the next.
        (Guid, double)[] dense = [(A, 0.9), (B, 0.5), (C, 0.4)];

        var one = ReciprocalRankFusion.Fuse([[(A, 7.0), (B, 5.0), (C, 5.0)], dense], limit: 3);
        var other = ReciprocalRankFusion.Fuse([[(A, 7.0), (C, 5.0), (B, 5.0)], dense], limit: 3);

        Assert.Equal(one, other);
        Assert.Equal([A, B, C], one.Select(p => p.Id));
    }

    [Fact]
    public void PointsInBothListsAddUpAndTheLimitKeepsTheBest()
    {
        var fused = ReciprocalRankFusion.Fuse([[(C, 3.0), (A, 2.0)], [(A, 0.9), (B, 0.8)]], limit: 2);

        // A: 1/3 + 1/2; C: 1/2; B: 1/3.
        Assert.Equal([A, C], fused.Select(p => p.Id));
        Assert.Equal((1.0 / 3) + (1.0 / 2), fused[0].Score, 12);
    }
}
