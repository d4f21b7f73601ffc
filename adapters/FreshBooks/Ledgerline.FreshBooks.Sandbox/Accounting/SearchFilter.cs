namespace Ledgerline.FreshBooks.Sandbox.Accounting;

internal enum SearchFilterKind
{
    Equal,
    Like,
    Min,
    Max,
    In,
}

/// <summary>One <c>search[…]</c> parameter: the field it names, how it compares, and its values.</summary>
internal sealed record SearchFilter(SearchFilterKind Kind, string Field, IReadOnlyList<string> Values);
