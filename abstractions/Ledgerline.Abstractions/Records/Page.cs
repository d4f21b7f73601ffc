namespace Ledgerline;

/// <summary>One page of a list, with an opaque cursor for the next one.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Items">The records on this page, in the provider's stable order.</param>
/// <param name="NextCursor">Pass to the next call to get the following page; <see langword="null"/> on the last page.
/// A cursor is only valid with the query that produced it.</param>
/// <param name="TotalCount">How many records the whole query matches, when the provider says.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? TotalCount = null) : IPage
{
    /// <inheritdoc />
    int IPage.Count => Items.Count;

    /// <inheritdoc />
    IPage IPage.WithNextCursor(string? nextCursor) => this with { NextCursor = nextCursor };

    /// <summary>Whether a further page exists.</summary>
    public bool HasMore => NextCursor is not null;
}
