using System.Text.Json;
using Ledgerline.Xero.Api;
using Ledgerline.Xero.Errors;

namespace Ledgerline.Xero.Stores;

/// <summary>
/// The connected organisation (<c>GET /Organisation</c>), read fresh on every call (see
/// <see cref="Mapping.CompanyRegister"/> for the fields). A body without exactly one organisation, or one missing its id
/// or name, is <see cref="InvalidProviderResponseException"/>.
/// </summary>
internal sealed class XeroCompanyStore(XeroLedgerContext context) : ICompanyStore
{
    public async Task<Company> GetAsync(CancellationToken cancellationToken = default)
    {
        var call = new XeroCall(EntityKind.Company, "get", context.ConnectionId);
        var tenant = await context.Connection.TenantIdAsync(call, cancellationToken);
        var answer = await context.Http.SendAsync(call, t => context.Settings.GetOrganisationAsync(tenant, context.ConnectionId, t), cancellationToken);
        var organisations = XeroEnvelope.Records<OrganisationWire, OrganisationsResult>(answer, OrganisationsResult.ListKey);
        if (organisations.Count != 1)
        {
            throw XeroErrorTable.Invalid(call, answer.Status, answer.Body, $"Xero answered {organisations.Count} organisations where one was expected");
        }

        Company company;
        try
        {
            company = context.Mapping.Map<OrganisationWire, Company>(organisations[0]);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            throw XeroErrorTable.Invalid(call, answer.Status, answer.Body, $"Xero sent an organisation that cannot be read: {exception.Message}", exception);
        }

        return context.Options.KeepRawRepresentation ? company with { RawRepresentation = Raw(answer.Body) } : company;
    }

    private static RawJson Raw(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body, XeroJson.DocumentOptions);
        return new RawJson(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement.GetProperty(OrganisationsResult.ListKey)[0]).ToArray());
    }
}
