/**
 * Why a read of IIS's configuration is denied: inetsrv\config grants access to
 * Administrators and SYSTEM only (Microsoft KB2023852), so reading needs elevation too.
 */
export const DeniedReadReason = "reading IIS's configuration needs an elevated (administrator) process";
