using Ledgerline.Xero.Sandbox.Accounting.Model;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>
/// The result of binding one element: the record to store, or the validation messages refusing it. <see cref="OnCommit"/>
/// runs after the record is stored (e.g. a payment updating its invoice), still under the organisation's lock.
/// </summary>
internal sealed record SaveOutcome<T>(T? Item, IReadOnlyList<string> Errors, Action? OnCommit = null)
    where T : XeroEntity
{
    public static SaveOutcome<T> Refused(IReadOnlyList<string> errors) => new(null, errors);
}
