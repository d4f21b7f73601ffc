using System.Reflection;
using System.Runtime.CompilerServices;

namespace Ledgerline.Tests.PublicApi;

/// <summary>
/// Every public asynchronous method of every Ledgerline assembly is named <c>…Async</c> and takes a
/// <see cref="CancellationToken"/>, so callers can always tell an awaitable apart and always cancel it.
/// </summary>
public sealed class AsyncConventionTests
{
    /// <summary>The shipped assemblies; those not built at test time are skipped, the first three must exist.</summary>
    private static readonly string[] AssemblyNames =
    [
        "Ledgerline.Abstractions",
        "Ledgerline",
        "Ledgerline.InMemory",
        "Ledgerline.FreshBooks",
        "Ledgerline.FreshBooks.AspNetCore",
        "Ledgerline.Xero",
        "Ledgerline.Xero.AspNetCore",
        "Ledgerline.Connections.Sqlite",
    ];

    /// <summary>
    /// Methods whose signature is fixed by a .NET interface or framework convention, each with why. Keyed by
    /// <c>Name(parameter types)</c> so an exception never covers a method of our own design by accident.
    /// </summary>
    private static readonly Dictionary<string, string> AllowedWithoutToken = new(StringComparer.Ordinal)
    {
        ["DisposeAsync()"] = "IAsyncDisposable.DisposeAsync takes no token by design.",
    };

    public static TheoryData<string> Assemblies => new(AssemblyNames);

    [Fact]
    public void CoreAssemblies_ArePresent()
    {
        foreach (var name in AssemblyNames.Take(3))
        {
            Assert.NotNull(TryLoad(name));
        }

        // The scan must actually see the store methods, or every other test here passes vacuously.
        var storeMethods = typeof(ILedgerStore<,,,>).GetMethods().Count(m => IsAsync(m.ReturnType));
        Assert.Equal(8, storeMethods);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicAsyncMethods_EndInAsyncAndTakeCancellationToken(string assemblyName)
    {
        var assembly = TryLoad(assemblyName);
        Assert.SkipWhen(assembly is null, $"{assemblyName} is not built in this run.");

        var violations = Violations(assembly!.GetExportedTypes()).ToList();

        Assert.True(violations.Count == 0, $"{assemblyName} breaks the async convention:{Environment.NewLine}" + string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Violations_BadMethods_AreFound()
    {
        var violations = Violations([typeof(Offender)]).ToList();

        Assert.Equal(4, violations.Count);
        Assert.Contains(violations, v => v.Contains("Fetch(", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("LoadAsync(String)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Stream(", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("PingAsync()", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("SaveAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DisposeAsync", StringComparison.Ordinal));
    }

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Violations(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => !typeof(Delegate).IsAssignableFrom(t) && !IsCompilerGenerated(t)))
        {
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(Declared).Where(m => !m.IsSpecialName && !IsCompilerGenerated(m) && IsAsync(m.ReturnType)))
            {
                var parameters = method.GetParameters();
                var signature = $"{method.Name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))})";
                if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
                {
                    yield return $"  {type.FullName}.{signature}: returns {method.ReturnType.Name} but is not named …Async";
                }

                if (!parameters.Any(p => p.ParameterType == typeof(CancellationToken)) && !AllowedWithoutToken.ContainsKey(signature))
                {
                    yield return $"  {type.FullName}.{signature}: takes no CancellationToken";
                }
            }
        }
    }

    private static bool IsAsync(Type type) =>
        typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
            (definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    private static bool IsCompilerGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    /// <summary>A type breaking the convention in every way the scan must see, and keeping it where it must not complain.</summary>
    public sealed class Offender : IAsyncDisposable
    {
        public static Task Fetch(CancellationToken cancellationToken) => Task.Delay(0, cancellationToken);

        public static Task<int> LoadAsync(string id) => Task.FromResult(id.Length);

        public static IAsyncEnumerable<int> Stream(CancellationToken cancellationToken) => AsyncEnumerable.Empty<int>();

        public static ValueTask PingAsync() => ValueTask.CompletedTask;

        public static ValueTask<int> SaveAsync(int value, CancellationToken cancellationToken = default) => ValueTask.FromResult(value);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
