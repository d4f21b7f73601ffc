using System.Reflection;

namespace Ledgerline.ConformanceTests;

/// <summary>
/// Derive this once in a provider's conformance project. It fails when the project leaves a suite class
/// (<see cref="ConformanceSuiteAttribute"/>) without a concrete derived class and without listing it in
/// <see cref="IgnoredSuites"/> with a reason, and when a conformance test is overridden without
/// <see cref="ConformanceDeviationAttribute"/>: so a provider can never skip part of the suite, or change a test, silently.
/// </summary>
[Trait(ConformanceSuiteAttribute.TraitName, "Completeness")]
public abstract class ConformanceSuiteCompletenessTests
{
    /// <summary>
    /// Suites the provider deliberately does not run, each with the reason, keyed by the open generic suite type, e.g.
    /// <c>{ [typeof(TimeEntryConformanceTests&lt;&gt;)] = "The provider has no time tracking." }</c>.
    /// </summary>
    protected virtual IReadOnlyDictionary<Type, string> IgnoredSuites { get; } = new Dictionary<Type, string>();

    /// <summary>
    /// The test classes of the provider's conformance project. Default: every public type in the derived class's assembly
    /// (xunit runs only public classes).
    /// </summary>
    protected virtual IEnumerable<Type> ProviderTypes => GetType().Assembly.GetTypes().Where(t => t.IsVisible);

    /// <summary>Every suite class the conformance suite ships, as open generic types.</summary>
    public static IReadOnlyList<Type> SuiteTypes { get; } = typeof(ConformanceSuiteAttribute).Assembly.GetTypes()
        .Where(t => t.IsClass && t.IsAbstract && t.IsGenericTypeDefinition && t.GetCustomAttribute<ConformanceSuiteAttribute>(inherit: false) is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public virtual void ProviderProject_DerivesEverySuiteOrIgnoresItWithAReason()
    {
        var implemented = ImplementedSuites();
        var problems = new List<string>();

        foreach (var suite in SuiteTypes)
        {
            var ignored = IgnoredSuites.TryGetValue(suite, out var reason);
            if (!implemented.ContainsKey(suite) && !ignored)
            {
                problems.Add($"{Name(suite)} ({Feature(suite)}) has no concrete class in this project and is not listed in IgnoredSuites.");
            }
            else if (ignored && string.IsNullOrWhiteSpace(reason))
            {
                problems.Add($"{Name(suite)} is listed in IgnoredSuites without a reason.");
            }
            else if (ignored && implemented.TryGetValue(suite, out var by))
            {
                problems.Add($"{Name(suite)} is listed in IgnoredSuites but {by.Name} derives it; remove one.");
            }
        }

        foreach (var type in IgnoredSuites.Keys.Where(t => !SuiteTypes.Contains(t)))
        {
            problems.Add($"IgnoredSuites lists {type.Name}, which is not a conformance suite (use the open generic type, e.g. typeof(ContactConformanceTests<>)).");
        }

        Assert.True(problems.Count == 0, "The conformance suite is not fully implemented:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public virtual void ProviderProject_OverridesTestsOnlyAsRecordedDeviations()
    {
        var silent = (
            from type in ProviderTypes
            where type is { IsClass: true, IsAbstract: false } && SuiteOf(type) is not null
            from method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            where method.GetBaseDefinition().DeclaringType is { } declaring && declaring != type && IsSuiteTest(method.GetBaseDefinition())
            where method.GetCustomAttribute<ConformanceDeviationAttribute>() is not { Reason: { Length: > 0 } reason } || string.IsNullOrWhiteSpace(reason)
            select $"{type.Name}.{method.Name}").ToList();

        Assert.True(
            silent.Count == 0,
            "These conformance tests are overridden without [ConformanceDeviation(\"reason\")]:\n  " + string.Join("\n  ", silent));
    }

    private Dictionary<Type, Type> ImplementedSuites()
    {
        var implemented = new Dictionary<Type, Type>();
        foreach (var type in ProviderTypes.Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }))
        {
            if (SuiteOf(type) is { } suite)
            {
                implemented.TryAdd(suite, type);
            }
        }

        return implemented;
    }

    private static Type? SuiteOf(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && SuiteTypes.Contains(current.GetGenericTypeDefinition()))
            {
                return current.GetGenericTypeDefinition();
            }
        }

        return null;
    }

    private static bool IsSuiteTest(MethodInfo method) =>
        method.DeclaringType is { IsGenericType: true } declaring &&
        SuiteTypes.Contains(declaring.GetGenericTypeDefinition()) &&
        method.GetCustomAttributes<FactAttribute>(inherit: false).Any();

    private static string Name(Type suite) => suite.Name.Split('`')[0] + "<>";

    private static string Feature(Type suite) => suite.GetCustomAttribute<ConformanceSuiteAttribute>(inherit: false)!.Feature;
}
