using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Avatars;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Kith.Features.Vaults.Scoped.Contacts;

/// <summary>
/// The only way to an avatar file: the vault's viewers, a contact of that vault, and headers that keep the
/// browser from treating the bytes as anything but an image.
/// </summary>
[NetEscapades.AspNetCore.SecurityHeaders.SecurityHeadersPolicy(SecurityHeadersSetup.UserFilePolicy)]
public sealed class AvatarImageModel(AppDbContext db, VaultScope scope, AvatarStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        var file = await db.Contacts.InScope(scope).Where(c => c.Id == contactId).Select(c => c.AvatarFile).SingleOrDefaultAsync(ct);
        if (store.PathOf(file) is not { } path) return NotFound();

        Response.Headers.ContentDisposition = "inline; filename=\"avatar" + AvatarImage.Extension + "\"";
        // Private: only this browser may keep it. The URL carries the file's version, so an hour is safe.
        NoStoreForDynamicResponses.AllowPrivateCaching(HttpContext, TimeSpan.FromHours(1));
        return new PhysicalFileResult(path, AvatarImage.ContentType) { EntityTag = new EntityTagHeaderValue($"\"{file}\"") };
    }
}
