namespace Ledgerline.Mapping;

/// <summary>
/// An adapter's mappings written as code: one function per (source, destination) pair, the same pairs its Mapster
/// configuration registers. Mapster builds its mappings at run time from expression trees and reflection (including
/// <c>MemberInfo.MetadataToken</c>, which Native AOT does not have), so it cannot run where there is no dynamic code;
/// <see cref="LedgerMapper{TMappings}"/> uses these there instead. A test in each adapter proves both register the same pairs and
/// produce the same records. One source file compiled into each adapter that maps with Mapster.
/// </summary>
internal sealed class ExplicitMappings
{
    private readonly Dictionary<(Type Source, Type Destination), Delegate> _maps = [];

    /// <summary>The pairs registered, for the test that compares them with the Mapster configuration's.</summary>
    public IEnumerable<(Type Source, Type Destination)> Pairs => _maps.Keys;

    /// <summary>Registers the mapping of <typeparamref name="TSource"/> to <typeparamref name="TDestination"/>.</summary>
    public ExplicitMappings Add<TSource, TDestination>(Func<TSource, TDestination> map)
    {
        _maps.Add((typeof(TSource), typeof(TDestination)), map);
        return this;
    }

    /// <summary>Registers a mapping that needs one argument besides its source (Mapster's runtime parameter).</summary>
    public ExplicitMappings Add<TSource, TArgument, TDestination>(Func<TSource, TArgument, TDestination> map)
    {
        _maps.Add((typeof(TSource), typeof(TDestination)), map);
        return this;
    }

    /// <summary>Maps <paramref name="source"/>; null maps to null, as with Mapster.</summary>
    public TDestination Map<TSource, TDestination>(TSource source) =>
        source is null ? default! : Find<Func<TSource, TDestination>, TSource, TDestination>()(source);

    /// <summary>Maps <paramref name="source"/> with <paramref name="argument"/>; null maps to null, as with Mapster.</summary>
    public TDestination Map<TSource, TArgument, TDestination>(TSource source, TArgument argument) =>
        source is null ? default! : Find<Func<TSource, TArgument, TDestination>, TSource, TDestination>()(source, argument);

    private TMap Find<TMap, TSource, TDestination>()
        where TMap : Delegate =>
        _maps.TryGetValue((typeof(TSource), typeof(TDestination)), out var map) && map is TMap typed
            ? typed
            // Not InvalidOperationException or FormatException, which the adapters read as invalid provider data: a pair
            // missing here is a bug in the adapter (ExplicitMappingTests names it), never something the provider sent.
            : throw new NotSupportedException(
                $"No mapping from {typeof(TSource).Name} to {typeof(TDestination).Name} is written as code: it is registered in the " +
                "adapter's Mapster configuration only, so it cannot run without dynamic code (Native AOT).");
}
