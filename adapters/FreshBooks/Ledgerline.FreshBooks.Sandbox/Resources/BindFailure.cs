namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>Why a request field (or the whole body) could not be bound; each family words these its own way.</summary>
internal enum BindFailure
{
    MalformedBody,
    Required,
    UnknownField,
    NotString,
    NotInteger,
    NotNumber,
    NotBoolean,
    NotDate,
    NotDateTime,
    NotPercent,
    NotEnumMember,
}
