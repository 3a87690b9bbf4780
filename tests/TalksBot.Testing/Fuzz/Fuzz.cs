using FsCheck;
using FsCheck.Fluent;

namespace TalksBot.Testing.Fuzz;

/// <summary>
/// How many cases every property runs: 1,000 in a normal run (CI), 50,000 when <c>TALKSBOT_FUZZ_LONG=1</c>,
/// so a long soak finds what a short run is unlikely to, without slowing everyday test runs.
/// </summary>
public static class Fuzz
{
    public const string LongModeVariable = "TALKSBOT_FUZZ_LONG";
    public const int ShortCases = 1_000;
    public const int LongCases = 50_000;

    public static int Cases { get; } = Environment.GetEnvironmentVariable(LongModeVariable) == "1" ? LongCases : ShortCases;

    /// <summary>Throws with the shrunk counter-example when a case fails, so xunit reports it as the test's failure.</summary>
    public static Config Config { get; } = Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true);

    /// <summary>Runs <paramref name="property"/> on <see cref="Cases"/> values of <paramref name="values"/>; it fails by throwing.</summary>
    public static void Check<T>(Arbitrary<T> values, Action<T> property) => Prop.ForAll(values, property).Check(Config);

    /// <inheritdoc cref="Check{T}(Arbitrary{T}, Action{T})"/>
    public static void Check<T>(Gen<T> values, Action<T> property) => Check(values.ToArbitrary(), property);

    /// <summary>Runs an asynchronous <paramref name="property"/>, one case at a time, on <see cref="Cases"/> values of <paramref name="values"/>.</summary>
    public static void Check<T>(Gen<T> values, Func<T, Task> property) =>
        Check(values.ToArbitrary(), (T value) => property(value).GetAwaiter().GetResult());
}
