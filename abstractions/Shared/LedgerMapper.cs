using System.Runtime.CompilerServices;
using Mapster;

namespace Ledgerline.Mapping;

/// <summary>An adapter's mappings, both ways: its Mapster configuration and the same mappings written as code.</summary>
internal interface IAdapterMappings
{
    /// <summary>The Mapster configuration, compiled on first use.</summary>
    static abstract TypeAdapterConfig Config { get; }

    /// <summary>The same mappings written as code.</summary>
    static abstract ExplicitMappings Explicit { get; }
}

/// <summary>
/// How an adapter maps wire records to canonical ones and back: through its Mapster configuration where the runtime can
/// generate code (every JIT runtime), and through the same mappings written as code (<see cref="ExplicitMappings"/>) in a
/// Native AOT app, where Mapster cannot build its mappings. <see cref="RuntimeFeature.IsDynamicCodeSupported"/> is a
/// constant there, so the AOT compiler drops the Mapster branch and, with it, Mapster: nothing else reaches the
/// configuration (<typeparamref name="TMappings"/> names it statically, no delegate holds it).
/// </summary>
/// <typeparam name="TMappings">The adapter's mappings.</typeparam>
/// <param name="explicitOnly">Use the code even where Mapster could run (tests and benchmarks compare the two).</param>
internal sealed class LedgerMapper<TMappings>(bool explicitOnly = false)
    where TMappings : IAdapterMappings
{
    /// <summary>Whether this mapper uses the mappings written as code (always so in a Native AOT app).</summary>
    public bool UsesExplicitMappings => !RuntimeFeature.IsDynamicCodeSupported || explicitOnly;

    /// <summary>Maps <paramref name="source"/> to <typeparamref name="TDestination"/>.</summary>
    public TDestination Map<TSource, TDestination>(TSource source)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            return TMappings.Explicit.Map<TSource, TDestination>(source);
        }

        return explicitOnly
            ? TMappings.Explicit.Map<TSource, TDestination>(source)
            : source.Adapt<TSource, TDestination>(TMappings.Config);
    }

    /// <summary>
    /// Builds the Mapster mapping of <typeparamref name="TSource"/> to <typeparamref name="TDestination"/> on a thread-pool
    /// thread, once per process, so that a listing's first page finds it ready: the adapter's configuration and its compile
    /// of one pair take about 0.1 s in a cold process (benchmarks/README.md), which then runs beside the listing's first
    /// request instead of after it. Nothing to do where the mappings written as code are used. A failure is left to the
    /// first <see cref="Map{TSource, TDestination}"/>, which reports it as it would have without this.
    /// </summary>
    public void Prepare<TSource, TDestination>()
    {
        if (!RuntimeFeature.IsDynamicCodeSupported || explicitOnly || Interlocked.Exchange(ref Prepared<TSource, TDestination>.Started, 1) == 1)
        {
            return;
        }

        _ = Task.Run(static () =>
        {
            try
            {
                TMappings.Config.GetMapFunction<TSource, TDestination>();
            }
            catch (Exception)
            {
                // Mapping the first record builds the mapping again and reports this failure, typed, where it belongs.
            }
        });
    }

    /// <summary>
    /// Maps <paramref name="source"/> with <paramref name="argument"/>, which Mapster's configuration reads as the runtime
    /// parameter <paramref name="parameter"/> (<c>MapContext.Current.Parameters</c>); none is passed when it is null.
    /// </summary>
    public TDestination Map<TSource, TArgument, TDestination>(TSource source, string parameter, TArgument argument)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            return TMappings.Explicit.Map<TSource, TArgument, TDestination>(source, argument);
        }

        if (explicitOnly)
        {
            return TMappings.Explicit.Map<TSource, TArgument, TDestination>(source, argument);
        }

        var adapter = source.BuildAdapter(TMappings.Config);
        return (argument is null ? adapter : adapter.AddParameters(parameter, argument)).AdaptToType<TDestination>();
    }

    /// <summary>Whether a pair's mapping was prepared in this process, per adapter (<typeparamref name="TMappings"/>) and pair.</summary>
    private static class Prepared<TSource, TDestination>
    {
        public static int Started;
    }
}
