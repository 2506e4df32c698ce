using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;

namespace Kith.Features.Vaults.Scoped.Groups;

public sealed record GroupNameInput
{
    [Required, StringLength(ConnectionLengths.GroupName), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line without control characters.")]
    public string Name { get; set; } = "";

    public Guid? TypeId { get; set; }
}
