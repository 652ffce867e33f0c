import type { InputHTMLAttributes } from 'react';
import { inputClass } from './field';

/** A bare text input in the house style; label it yourself (or use Field, which does). */
export function Input({ className = '', ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${inputClass} ${className}`} />;
}
