using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Avatars;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Vaults.Scoped.Contacts;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class AvatarModel(AppDbContext db, VaultScope scope, ChangeAvatar avatars, IOptions<KithOptions> options) : PageModel
{
    [BindProperty]
    public IFormFile? Photo { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public AvatarView Avatar { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public long MaxBytes => options.Value.Limits.MaxAvatarBytes;

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct) =>
        await LoadAsync(contactId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        if (!await LoadAsync(contactId, ct)) return NotFound();
        if (Photo is null || Photo.Length == 0) return Refuse(StatusCodes.Status422UnprocessableEntity, "Choose a photo to upload.");
        if (Photo.Length > MaxBytes)
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The photo is larger than the {MaxBytes / 1_048_576.0:0.#} MB allowed.");

        var upload = new byte[Photo.Length];
        await using (var stream = Photo.OpenReadStream())
            await stream.ReadExactlyAsync(upload, ct);
        var (result, problem) = await avatars.UploadAsync(scope, contactId, upload, ct);
        if (result == AvatarChange.NotFound) return NotFound();
        if (problem is not null) return Refuse(problem.Status, problem.Message);
        StatusMessage = "The photo was saved.";
        return RedirectToPage(new { vaultId = scope.VaultId, contactId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid contactId, CancellationToken ct)
    {
        if (await avatars.RemoveAsync(scope, contactId, ct) == AvatarChange.NotFound) return NotFound();
        StatusMessage = "The photo was removed.";
        return RedirectToPage(new { vaultId = scope.VaultId, contactId });
    }

    private PageResult Refuse(int status, string message)
    {
        ModelState.AddModelError(nameof(Photo), message);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.InScope(scope).AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.FirstName, c.LastName, c.Nickname, c.AvatarFile }).SingleOrDefaultAsync(ct);
        if (contact is null) return false;
        Name = ContactNames.Display(ContactNames.FirstLast, contact.FirstName, contact.LastName, contact.Nickname);
        Avatar = new AvatarView(scope.VaultId, contactId, contact.AvatarFile, contact.FirstName, contact.LastName, AvatarSize.Large);
        return true;
    }
}
