namespace Ledgerline.FreshBooks.Api;

/// <summary>
/// The result object of one entity's endpoints: one record (<c>get</c>, <c>create</c>, <c>update</c>) or a page of them
/// (<c>list</c>) with its counters, under the names FreshBooks gives that entity.
/// </summary>
/// <typeparam name="TWire">The entity's wire record.</typeparam>
internal interface IWireResult<out TWire>
{
    /// <summary>The record of a single-record answer.</summary>
    TWire? Record { get; }

    /// <summary>The records of a list answer.</summary>
    IReadOnlyList<TWire>? Records { get; }

    /// <summary>The page counters of a list answer; null when FreshBooks sent none.</summary>
    PageCounters? Counters { get; }
}
