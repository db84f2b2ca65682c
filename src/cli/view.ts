/** How a result is shown: how wide the terminal is (undefined: as wide as the text), and the instant dates are judged against. */
export interface View {
  width: number | undefined;
  /** Now, or the request's asOf: the Expires column must agree with the findings. */
  now: Date;
}
