using Xunit.v3;

namespace Ledgerline.ConformanceTests;

/// <summary>
/// Marks an abstract class as one suite of the conformance suite and names its feature (<c>Contacts</c>, <c>Paging</c>, …).
/// The name becomes the xunit trait <c>ConformanceSuite</c>, which the conformance report groups by, and the completeness
/// check (<see cref="ConformanceSuiteCompletenessTests"/>) requires every class carrying it to be derived or ignored.
/// </summary>
/// <param name="feature">The feature the suite covers, as the report's row name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class ConformanceSuiteAttribute(string feature) : Attribute, ITraitAttribute
{
    /// <summary>The trait name the report reads.</summary>
    public const string TraitName = "ConformanceSuite";

    /// <summary>The feature the suite covers.</summary>
    public string Feature { get; } = feature;

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, Feature)];
}

/// <summary>
/// Records, on a provider's override of a conformance test, that the provider knowingly behaves differently, and why.
/// The reason becomes the xunit trait <c>ConformanceDeviation</c> and is listed by the conformance report. Overriding a
/// conformance test without this attribute fails the completeness check, so a deviation is never silent.
/// </summary>
/// <example>
/// <code>
/// [ConformanceDeviation("FreshBooks stores time entry durations in whole minutes.")]
/// public override Task CreateAsync_FullDraft_RoundTripsEveryField() => …;
/// </code>
/// </example>
/// <param name="reason">What differs and why, in one sentence.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ConformanceDeviationAttribute(string reason) : Attribute, ITraitAttribute
{
    /// <summary>The trait name the report reads.</summary>
    public const string TraitName = "ConformanceDeviation";

    /// <summary>What differs and why.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, Reason)];
}
