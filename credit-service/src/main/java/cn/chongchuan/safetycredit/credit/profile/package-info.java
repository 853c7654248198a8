/**
 * The pages of a subject (信用档案): a unit or person with its listings and violations, as the
 * caller may see them. A composition over the subject, listing and violation modules, with no
 * table of its own.
 */
package cn.chongchuan.safetycredit.credit.profile;
