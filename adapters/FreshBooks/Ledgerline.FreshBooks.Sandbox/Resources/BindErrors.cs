using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>Validation errors collected while binding one request, all reported together in the family's words.</summary>
internal sealed class BindErrors(string objectName, ResourceFamily family)
{
    public List<ApiError> Items { get; } = [];

    public string ObjectName { get; } = objectName;

    public ResourceFamily Family { get; } = family;

    public bool Any => Items.Count > 0;

    public void Add(int errno, string field, string message, string? value = null) =>
        Items.Add(new ApiError(errno, field, message, ObjectName, value));

    public void Add(BindFailure failure, string field, string? value = null) =>
        Items.Add(Family.Describe(failure, field, ObjectName, value));

    public void Required(string field) => Add(BindFailure.Required, field);
}
