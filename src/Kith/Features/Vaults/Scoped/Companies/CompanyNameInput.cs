using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;

namespace Kith.Features.Vaults.Scoped.Companies;

public sealed record CompanyNameInput
{
    [Required, StringLength(VaultListLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line without control characters.")]
    public string Name { get; set; } = "";
}
