using System.Runtime.CompilerServices;
using Mapster;

namespace Ledgerline.Mapping;

/// <summary>
/// How an adapter maps wire records to canonical ones and back: through its Mapster configuration where the runtime can
/// generate code (every JIT runtime), and through the same mappings written as code (<see cref="ExplicitMappings"/>) in a
/// Native AOT app, where Mapster cannot build its mappings. <see cref="RuntimeFeature.IsDynamicCodeSupported"/> is a
/// constant there, so the AOT compiler drops the Mapster branch and Mapster itself from the app.
/// </summary>
internal sealed class LedgerMapper
{
    private readonly Lazy<TypeAdapterConfig> _mapster;
    private readonly ExplicitMappings _explicit;
    private readonly bool _explicitOnly;

    /// <param name="mapster">Builds and compiles the Mapster configuration, on first use.</param>
    /// <param name="explicitMappings">The same mappings as code.</param>
    /// <param name="explicitOnly">Use the code even where Mapster could run (tests prove the two agree).</param>
    public LedgerMapper(Func<TypeAdapterConfig> mapster, ExplicitMappings explicitMappings, bool explicitOnly = false)
    {
        _mapster = new Lazy<TypeAdapterConfig>(mapster);
        _explicit = explicitMappings;
        _explicitOnly = explicitOnly;
    }

    /// <summary>Whether this mapper uses the mappings written as code (always so in a Native AOT app).</summary>
    public bool UsesExplicitMappings => !RuntimeFeature.IsDynamicCodeSupported || _explicitOnly;

    /// <summary>Maps <paramref name="source"/> to <typeparamref name="TDestination"/>.</summary>
    public TDestination Map<TSource, TDestination>(TSource source)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported || _explicitOnly)
        {
            return _explicit.Map<TSource, TDestination>(source);
        }

        return source.Adapt<TSource, TDestination>(_mapster.Value);
    }

    /// <summary>
    /// Maps <paramref name="source"/> with <paramref name="argument"/>, which Mapster's configuration reads as the runtime
    /// parameter <paramref name="parameter"/> (<c>MapContext.Current.Parameters</c>); none is passed when it is null.
    /// </summary>
    public TDestination Map<TSource, TArgument, TDestination>(TSource source, string parameter, TArgument argument)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported || _explicitOnly)
        {
            return _explicit.Map<TSource, TArgument, TDestination>(source, argument);
        }

        var adapter = source.BuildAdapter(_mapster.Value);
        return (argument is null ? adapter : adapter.AddParameters(parameter, argument)).AdaptToType<TDestination>();
    }
}
