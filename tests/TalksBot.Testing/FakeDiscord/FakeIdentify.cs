namespace TalksBot.Testing.FakeDiscord;

/// <summary>One Identify the fake gateway received: the <c>shard</c> pair it named and the token it carried.</summary>
public sealed record FakeIdentify(int Shard, int ShardCount, string Token, DateTimeOffset At);
