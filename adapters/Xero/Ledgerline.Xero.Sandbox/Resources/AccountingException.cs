namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>
/// Ends a request with one of the Accounting API's whole-request error bodies (<c>{"ErrorNumber","Type","Message"}</c>):
/// 14 PostDataInvalidException for a body Xero cannot deserialise, 16 QueryParseException for a bad <c>where</c>/<c>order</c>.
/// Thrown inside request handling only; never escapes the sandbox.
/// </summary>
internal sealed class AccountingException(int errorNumber, string type, string message) : Exception(message)
{
    public int ErrorNumber { get; } = errorNumber;

    public string Type { get; } = type;

    public static AccountingException PostData(string detail) => new(14, "PostDataInvalidException", "JSON for post data was invalid," + detail);

    public static AccountingException Query(string detail) => new(16, "QueryParseException", detail);
}
