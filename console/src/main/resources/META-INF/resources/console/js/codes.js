// The check characters of the two national codes, as the server checks them, so that an officer
// sees a mistyped code while typing, not after sending.

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** null when the 统一社会信用代码 is valid, else why not (in Chinese, naming the character). */
export function usccProblem(raw) {
  const code = normalise(raw);
  if (code.length !== 18) {
    return `统一社会信用代码应为 18 位，现为 ${code.length} 位`;
  }
  for (let i = 0; i < 17; i++) {
    if (USCC_ALPHABET.indexOf(code[i]) < 0) {
      return `第 ${i + 1} 位“${code[i]}”不是统一社会信用代码可用的字符`;
    }
  }
  const expected = usccCheckCharacter(code);
  if (code[17] !== expected) {
    return `校验位错误：第 18 位是“${code[17]}”，按前 17 位应为“${expected}”`;
  }
  return null;
}

/** The 18th character of a 统一社会信用代码 (GB 32100) from its first 17. */
export function usccCheckCharacter(code) {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(code[i]) * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The 18th character of a 居民身份证号 (GB 11643) from its first 17 digits. */
export function idCheckCharacter(id) {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(id[i]) * ID_WEIGHTS[i];
  }
  return ID_CHECK[sum % 11];
}

/** null when the 居民身份证号 is valid, else why not. */
export function idNumberProblem(raw) {
  const id = normalise(raw);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return '居民身份证号应为 17 位数字加 1 位数字或 X';
  }
  const expected = idCheckCharacter(id);
  if (id[17] !== expected) {
    return `校验位错误：第 18 位是“${id[17]}”，按前 17 位应为“${expected}”`;
  }
  return null;
}

export function normalise(raw) {
  return String(raw || '').replace(/\s+/g, '').toUpperCase();
}

/** Masks a personal ID number as the system does everywhere but authorised display (first 6 + last 4). */
export function maskId(raw) {
  const id = normalise(raw);
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : id;
}
