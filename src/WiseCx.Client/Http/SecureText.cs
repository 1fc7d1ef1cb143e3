using System.Runtime.InteropServices;
using System.Security;

namespace WiseCx.Client.Http
{
    /// <summary>
    /// The one reader of a <see cref="SecureString"/> (the API key, a contact's password): its text is revealed only
    /// for the request body or header that needs it, and the unmanaged copy is zeroed at once.
    /// </summary>
    public static class SecureText
    {
        /// <summary>The text of <paramref name="secure"/>; null when it is null. Do not keep the result in a field.</summary>
        public static string? Reveal(SecureString? secure)
        {
            if (secure is null)
                return null;
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
